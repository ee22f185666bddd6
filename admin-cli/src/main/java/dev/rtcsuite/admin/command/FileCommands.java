package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.recording.v1.DeleteMediaFileRequest;
import dev.rtcsuite.recording.v1.DeleteMediaFileResponse;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.MediaFileOrder;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.SearchMediaFilesRequest;
import dev.rtcsuite.recording.v1.SearchMediaFilesResponse;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Recorded files in recording-service's media index. */
@Command(
        name = "files",
        description = "Recorded files (recording-service's media index).",
        subcommands = {FileCommands.ListFiles.class, FileCommands.Delete.class})
public class FileCommands {

    static final Table<MediaFile> TABLE =
            new Table<MediaFile>()
                    .column("FILE ID", MediaFile::getFileId)
                    .column("NAME", MediaFile::getName)
                    .column("FORMAT", file -> Values.enumValue(file.getFormat()))
                    .column("STATE", file -> Values.enumValue(file.getState()))
                    .column("SIZE", file -> Long.toString(file.getSizeBytes()))
                    .column("DURATION", file -> Values.duration(file.getDuration()))
                    .column("START", file -> Values.timestamp(file.getStartTime()));

    @Command(name = "list", description = "Search an app's files (newest first by default).")
    public static class ListFiles extends ListCommand {

        @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @Option(names = "--prefix", paramLabel = "TEXT", description = "name starts with")
        String namePrefix;

        @Option(
                names = "--text",
                paramLabel = "TEXT",
                description = "in the name, user id, stream id or record ids (any case)")
        String text;

        @Option(names = "--stream-id", paramLabel = "ID")
        String streamId;

        @Option(names = "--format", paramLabel = "FORMAT", description = "repeatable")
        List<FileFormat> formats = List.of();

        @Option(names = "--from", paramLabel = "INSTANT", description = "e.g. 2026-11-29T00:00:00Z")
        Instant from;

        @Option(names = "--to", paramLabel = "INSTANT")
        Instant to;

        @Option(names = "--order", paramLabel = "CREATE_TIME_ASC|CREATE_TIME_DESC")
        MediaFileOrder order;

        @Override
        protected void execute() {
            SearchMediaFilesRequest.Builder request =
                    SearchMediaFilesRequest.newBuilder()
                            .setSdkAppId(sdkAppId)
                            .addAllFormats(formats)
                            .setPageSize(pageSize);
            if (namePrefix != null) {
                request.setNamePrefix(namePrefix);
            }
            if (text != null) {
                request.setText(text);
            }
            if (streamId != null) {
                request.setStreamId(streamId);
            }
            if (from != null) {
                request.setStartTime(Inputs.timestamp(from));
            }
            if (to != null) {
                request.setEndTime(Inputs.timestamp(to));
            }
            if (order != null) {
                request.setOrder(order);
            }
            SearchMediaFilesResponse response =
                    fetch(
                            Service.RECORDING,
                            RecordingServiceGrpc::newBlockingStub,
                            (recording, token) ->
                                    recording.searchMediaFiles(request.setPageToken(token).build()),
                            "files");
            show(response, TABLE, response.getFilesList(), "file", response.getNextPageToken());
        }
    }

    @Command(
            name = "delete",
            description =
                    "Delete files from storage and the index (deleting a deleted file succeeds)."
                            + " With several files, file i is sent with request id ID-i.")
    public static class Delete extends MutatingCommand {

        @Parameters(paramLabel = "FILE_ID", arity = "1..*")
        List<String> fileIds;

        @Override
        protected void execute() {
            for (int i = 0; i < fileIds.size(); i++) {
                String fileId = fileIds.get(i);
                String requestId = fileIds.size() == 1 ? requestId() : requestId() + "-" + (i + 1);
                DeleteMediaFileResponse response =
                        call(
                                Service.RECORDING,
                                RecordingServiceGrpc::newBlockingStub,
                                recording ->
                                        recording.deleteMediaFile(
                                                DeleteMediaFileRequest.newBuilder()
                                                        .setRequestId(requestId)
                                                        .setFileId(fileId)
                                                        .build()));
                if (fileIds.size() > 1) {
                    output().progress("deleted " + (i + 1) + "/" + fileIds.size());
                }
                output().result(
                                response,
                                () ->
                                        (response.getAlreadyDeleted()
                                                        ? "already deleted: "
                                                        : "deleted: ")
                                                + fileId
                                                + " "
                                                + response.getFile().getName()
                                                + "\n");
            }
        }
    }
}
