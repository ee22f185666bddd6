package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.recording.domain.task.TaskTimer;
import jakarta.inject.Singleton;

/** The job handlers of the task timers (SPEC C-3), one per kind, all run by {@link TaskTimers}. */
public final class TaskTimerJobs {

    private TaskTimerJobs() {}

    abstract static class TimerJob implements JobHandler {
        private final TaskTimers timers;
        private final TaskTimer.Kind timerKind;

        TimerJob(TaskTimers timers, TaskTimer.Kind timerKind) {
            this.timers = timers;
            this.timerKind = timerKind;
        }

        @Override
        public String kind() {
            return JobKinds.timer(timerKind);
        }

        @Override
        public void run(Job job) {
            timers.fire(timerKind, job.key(), job.dueTime());
        }
    }

    @Singleton
    static class StartTimeout extends TimerJob {
        StartTimeout(TaskTimers timers) {
            super(timers, TaskTimer.Kind.START_TIMEOUT);
        }
    }

    @Singleton
    static class FileSplit extends TimerJob {
        FileSplit(TaskTimers timers) {
            super(timers, TaskTimer.Kind.FILE_SPLIT);
        }
    }

    @Singleton
    static class ResumeExpiry extends TimerJob {
        ResumeExpiry(TaskTimers timers) {
            super(timers, TaskTimer.Kind.RESUME_EXPIRY);
        }
    }

    @Singleton
    static class Transfer extends TimerJob {
        Transfer(TaskTimers timers) {
            super(timers, TaskTimer.Kind.TRANSFER);
        }
    }
}
