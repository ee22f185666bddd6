package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.domain.session.MixSession;

/** What StartMCUMixTranscode did: created a session, or replaced a live one's configuration. */
public record StartResult(MixSession session, boolean created) {}
