package dev.rtcsuite.mixing.domain.preview;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG writer (RFC 2083): 8-bit RGB, no interlace, filter type None on every row, one zlib
 * stream in IDAT chunks. Pure Java (java.util.zip), so it works in a native image where java.awt
 * and ImageIO do not.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IDAT_CHUNK = 1 << 16;

    private PngEncoder() {}

    public static byte[] encode(Raster raster) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", header(raster));
        byte[] compressed = deflate(raster);
        for (int offset = 0; offset < compressed.length; offset += IDAT_CHUNK) {
            int length = Math.min(IDAT_CHUNK, compressed.length - offset);
            byte[] part = new byte[length];
            System.arraycopy(compressed, offset, part, 0, length);
            chunk(png, "IDAT", part);
        }
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] header(Raster raster) {
        byte[] header = new byte[13];
        putInt(header, 0, raster.width());
        putInt(header, 4, raster.height());
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB
        return header; // compression 0, filter method 0, interlace 0
    }

    /** Each scanline is a filter-type byte (0, None) followed by its RGB bytes. */
    private static byte[] deflate(Raster raster) {
        int stride = 1 + 3 * raster.width();
        byte[] row = new byte[stride];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[IDAT_CHUNK];
        try {
            for (int y = 0; y < raster.height(); y++) {
                raster.copyRow(y, row, 1);
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        png.writeBytes(length);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) crc.getValue());
        png.writeBytes(checksum);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
