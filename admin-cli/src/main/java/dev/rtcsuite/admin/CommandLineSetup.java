package dev.rtcsuite.admin;

import com.google.protobuf.ProtocolMessageEnum;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.admin.parse.ProtoEnums;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.mixing.v1.AudioCodec;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixInput;
import dev.rtcsuite.mixing.v1.PureAudioHoldPlaceMode;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.FundType;
import dev.rtcsuite.packages.v1.PackageState;
import dev.rtcsuite.packages.v1.RefundState;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.MediaFileOrder;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingTaskKind;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.function.Function;
import picocli.CommandLine;

/** The command line as Quarkus runs it and as tests build it: converters for option values. */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(factory.create());
    }

    public static CommandLine configure(CommandLine commandLine) {
        enumeration(commandLine, TrialExhaustionPolicy.class);
        enumeration(commandLine, FixedPackageSize.class);
        enumeration(commandLine, PackageState.class);
        enumeration(commandLine, RefundState.class);
        enumeration(commandLine, FundType.class);
        enumeration(commandLine, RecordingMode.class);
        enumeration(commandLine, FileFormat.class);
        enumeration(commandLine, RecordingTaskState.class);
        enumeration(commandLine, RecordingTaskKind.class);
        enumeration(commandLine, MediaFileOrder.class);
        enumeration(commandLine, LayoutTemplate.class);
        enumeration(commandLine, AudioCodec.class);
        enumeration(commandLine, PureAudioHoldPlaceMode.class);
        enumeration(commandLine, StreamType.class);
        enumeration(commandLine, VideoCodec.class);
        enumeration(commandLine, BillableItem.class);
        converter(commandLine, MixInput.class, Inputs::mixInput);
        converter(commandLine, Inputs.Size.class, Inputs.Size::parse);
        return commandLine;
    }

    private static <E extends Enum<E> & ProtocolMessageEnum> void enumeration(
            CommandLine commandLine, Class<E> type) {
        converter(commandLine, type, text -> ProtoEnums.parse(type, text));
    }

    private static <T> void converter(
            CommandLine commandLine, Class<T> type, Function<String, T> parse) {
        commandLine.registerConverter(
                type,
                text -> {
                    try {
                        return parse.apply(text);
                    } catch (IllegalArgumentException | java.time.DateTimeException e) {
                        throw new CommandLine.TypeConversionException(e.getMessage());
                    }
                });
    }
}
