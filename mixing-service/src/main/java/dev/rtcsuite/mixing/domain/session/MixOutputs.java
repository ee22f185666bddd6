package dev.rtcsuite.mixing.domain.session;

import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.OutputParams;
import java.util.ArrayList;
import java.util.List;

/** The outputs a configuration asks for (SPEC M-2), in a stable order that output_index uses. */
public final class MixOutputs {

    private MixOutputs() {}

    /**
     * The outputs of {@code config}: its recording, its CDN relay, then one per third-party URL. An
     * output that a replacing Start keeps ({@link MixOutput#sameAs}) keeps its state and task.
     */
    public static List<MixOutput> plan(MixConfig config, List<MixOutput> current) {
        OutputParams output = config.output();
        List<MixOutput> wanted = new ArrayList<>();
        if (output.records()) {
            wanted.add(
                    MixOutput.starting(
                            OutputKind.RECORDING, output.recordId(), output.recordingAudioOnly()));
        }
        if (output.relaysToCdn()) {
            wanted.add(
                    MixOutput.starting(
                            OutputKind.CDN_RELAY, output.streamId(), output.pureAudioStream()));
        }
        for (String url : config.cdnUrls()) {
            wanted.add(
                    MixOutput.starting(OutputKind.THIRD_PARTY_CDN, url, output.pureAudioStream()));
        }
        return wanted.stream()
                .map(
                        w ->
                                current.stream()
                                        .filter(c -> c.sameAs(w) && c.isLive())
                                        .findFirst()
                                        .orElse(w))
                .toList();
    }

    /** The recording output, if any. */
    public static java.util.Optional<MixOutput> recording(List<MixOutput> outputs) {
        return outputs.stream().filter(o -> o.kind() == OutputKind.RECORDING).findFirst();
    }
}
