package dev.rtcsuite.suite.flows;

import java.time.Duration;
import java.time.Instant;

/**
 * The suite's time as a flow sees it: the services' clock, and a way to let time pass — moved
 * through the test-clock hook in the end-to-end tests, really waited for in the demo.
 */
public interface SuiteTime {

    Instant now() throws Exception;

    void pass(Duration duration) throws Exception;
}
