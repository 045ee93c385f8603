package io.webcare.feedback.grouping;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Meaning vectors of the 30,000 most frequent English words (GloVe, centred, one signed byte per dimension), made
 * offline by {@link WordVectorBuilder}: the IDF-weighted mean of a complaint's word vectors is close to that of a
 * complaint about the same thing in other words ("luggage missing", "bag lost"). Looked up by the word as written
 * (lower case, before stemming). There are no Dutch vectors.
 */
public final class WordVectors {
    static final String RESOURCE = "/grouping/english-word-vectors.bin";
    private static final WordVectors NONE = new WordVectors(Map.of(), new byte[0], 0);

    private final Map<String, Integer> rows;
    private final byte[] data;
    private final int dimensions;

    private WordVectors(Map<String, Integer> rows, byte[] data, int dimensions) {
        this.rows = rows;
        this.data = data;
        this.dimensions = dimensions;
    }

    public static WordVectors english() {
        return Shipped.INSTANCE;
    }

    public static WordVectors none() {
        return NONE;
    }

    public static WordVectors read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int dimensions() {
        return dimensions;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Adds {@code weight} times the vector of {@code word} to {@code sum}; false when the word has none. */
    boolean addTo(String word, float weight, float[] sum) {
        Integer row = rows.get(word);
        if (row == null) {
            return false;
        }
        int at = row * dimensions;
        float scale = weight / 127f;
        for (int d = 0; d < dimensions; d++) {
            sum[d] += data[at + d] * scale;
        }
        return true;
    }

    private static WordVectors parse(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        byte[] magic = in.readNBytes(4);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("WCV1")) {
            throw new IOException("not a word vector file");
        }
        int count = in.readInt();
        int dimensions = in.readInt();
        Map<String, Integer> rows = new HashMap<>(count * 2);
        byte[] data = new byte[count * dimensions];
        for (int i = 0; i < count; i++) {
            int length = in.readUnsignedByte();
            rows.put(new String(in.readNBytes(length), StandardCharsets.UTF_8), i);
            in.readFully(data, i * dimensions, dimensions);
        }
        return new WordVectors(Map.copyOf(rows), data, dimensions);
    }

    private static final class Shipped {
        static final WordVectors INSTANCE = load();

        private static WordVectors load() {
            try (InputStream in = WordVectors.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
