package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.time.Sweep;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rule shared by mixed-stream recording and mix-transcode: at every instant, if
 * every input is audio-only they count as one audio input; otherwise each input counts on its own.
 */
final class MixedInputs {

    private MixedInputs() {}

    /** An elementary span of a mix, its active inputs and whether they are all audio-only. */
    record Instant<T>(TimeSpan span, List<T> active, boolean allAudioOnly) {}

    static <T> List<Instant<T>> sweep(
            Collection<T> inputs, Function<? super T, TimeSpan> spanOf, Predicate<T> audioOnly) {
        return Sweep.segments(inputs, spanOf).stream()
                .map(
                        s ->
                                new Instant<>(
                                        s.span(),
                                        s.active(),
                                        s.active().stream().allMatch(audioOnly)))
                .toList();
    }
}
