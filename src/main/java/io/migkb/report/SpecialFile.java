package io.migkb.report;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/** What kind of file a path that is neither a regular file nor a folder is: the Unix file type where known. */
final class SpecialFile {
    static final String FIFO = "FIFO (named pipe)";
    static final String CHARACTER_DEVICE = "character device";
    /** The kinds migkb writes through as a stream instead of replacing. */
    static final Set<String> STREAMS = Set.of(FIFO, CHARACTER_DEVICE);

    private SpecialFile() {
    }

    static String kind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> FIFO;
                case 0020000 -> CHARACTER_DEVICE;
                case 0060000 -> "block device";
                case 0140000 -> "socket";
                default -> "special file";
            };
        } catch (Exception e) {
            // No Unix attributes (Windows): a special file there is a device, written through like one.
            return CHARACTER_DEVICE;
        }
    }
}
