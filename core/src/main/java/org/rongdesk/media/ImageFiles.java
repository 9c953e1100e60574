package org.rongdesk.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.rongdesk.base.RongException;

/** Checks images and makes the small JPEG thumbnails that travel inline with image messages. */
public final class ImageFiles {
    /** Longest side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_SIDE = 240;
    /** Largest thumbnail, in bytes; bigger ones are made smaller. */
    public static final int THUMBNAIL_MAX_BYTES = 48 * 1024;
    /** Longest side of a user's portrait, in pixels. */
    public static final int PORTRAIT_SIDE = 192;
    /** Largest image decoded (width × height), so a hostile file cannot exhaust memory. */
    private static final long MAX_PIXELS = 50_000_000L;

    private ImageFiles() {
    }

    /** An image read from disk: its format ("jpeg", "png" …) and pixels. */
    public record Image(String format, BufferedImage pixels) {
    }

    /** Reads {@code file}, or -10002 naming {@code field} when it is not an image the JDK can read. */
    public static Image read(String field, Path file) throws RongException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw notAnImage(field, file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw RongException.invalid(field + ": the image " + file.getFileName() + " has more than "
                            + MAX_PIXELS + " pixels");
                }
                BufferedImage image = reader.read(0);
                return new Image(reader.getFormatName().toLowerCase(Locale.ROOT), image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw notAnImage(field, file);
        }
    }

    /** A JPEG thumbnail of at most {@value #THUMBNAIL_SIDE} px a side and {@value #THUMBNAIL_MAX_BYTES} bytes. */
    public static byte[] thumbnail(BufferedImage image) throws IOException {
        for (int side = THUMBNAIL_SIDE; ; side = side * 2 / 3) {
            byte[] jpeg = jpeg(scaled(image, side), 0.75f);
            if (jpeg.length <= THUMBNAIL_MAX_BYTES || side < 32) {
                return jpeg;
            }
        }
    }

    /** A PNG portrait of at most {@value #PORTRAIT_SIDE} px a side (a few tens of KiB: it travels in a vCard). */
    public static byte[] portrait(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scaled(image, PORTRAIT_SIDE), "png", png);
        return png.toByteArray();
    }

    /** Whether {@code bytes} decode as an image (checks received thumbnails). */
    public static boolean isImage(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes)) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static BufferedImage scaled(BufferedImage image, int side) {
        double scale = Math.min(1.0, (double) side / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static RongException notAnImage(String field, Path file) {
        return RongException.invalid(field + ": " + file.getFileName() + " is not an image (JPEG, PNG, GIF or BMP)");
    }
}
