package dev.newswire.tagger.model;

import com.fasterxml.jackson.core.JacksonException;
import dev.newswire.tagger.text.Vocabulary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every check a bundle must pass before it may serve, in order: the expected entries and no others, each
 * entry's SHA-256, the manifest (parseable, known format version), the vocabulary (parseable, size and hash as
 * the manifest says), the network (loadable DL4J model, input width = vocabulary size, output width = number of
 * labels, hidden layers as the manifest says, all weights finite), and that the fast engine computes exactly what
 * the network computes ({@link SparseMlpWeights#of}: dense ReLU layers, a softmax or sigmoid output layer), so that
 * a bundle serves the same with either {@link InferenceEngine}, and that the output layer is the one the manifest's
 * {@link ModelKind} needs (softmax for single-label, sigmoid for multi-label; a multi-label manifest's thresholds,
 * one per label in (0, 1), are checked when it is parsed).
 */
final class BundleValidator {

    private static final Set<String> REQUIRED = Set.of(
            ModelBundles.MANIFEST, ModelBundles.VOCABULARY, ModelBundles.NETWORK, ModelBundles.CHECKSUMS);

    private BundleValidator() {
    }

    static ModelBundle validate(Map<String, byte[]> entries) {
        checkEntries(entries);
        byte[] checksumBytes = entries.get(ModelBundles.CHECKSUMS);
        checkChecksums(entries, new String(checksumBytes, StandardCharsets.UTF_8));
        ModelManifest manifest = parseManifest(entries.get(ModelBundles.MANIFEST));
        Vocabulary vocabulary = parseVocabulary(entries.get(ModelBundles.VOCABULARY), manifest);
        MultiLayerNetwork network = loadNetwork(entries.get(ModelBundles.NETWORK));
        checkNetwork(network, manifest);
        SparseMlpWeights fastWeights = SparseMlpWeights.of(network);
        checkOutputKind(fastWeights, manifest);
        String id = ModelBundles.sha256(checksumBytes).substring(0, 16);
        return new ModelBundle(manifest, vocabulary, network, fastWeights, id);
    }

    private static void checkOutputKind(SparseMlpWeights weights, ModelManifest manifest) {
        if (weights.sigmoidOutput() != manifest.multiLabel()) {
            throw new InvalidBundleException("the manifest says " + manifest.kind().id() + " (a "
                    + manifest.kind().outputActivation() + " output), but the network's output layer is "
                    + (weights.sigmoidOutput() ? "sigmoid" : "softmax"));
        }
    }

    private static void checkEntries(Map<String, byte[]> entries) {
        for (String name : REQUIRED) {
            if (!entries.containsKey(name)) {
                throw new InvalidBundleException("missing entry " + name + " (entries: " + entries.keySet() + ")");
            }
        }
        for (String name : entries.keySet()) {
            if (!REQUIRED.contains(name)) {
                throw new InvalidBundleException("unexpected entry " + name);
            }
        }
    }

    private static void checkChecksums(Map<String, byte[]> entries, String checksums) {
        Map<String, String> listed = new HashMap<>();
        String[] lines = checksums.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("  ", 2);
            if (parts.length != 2 || parts[0].length() != 64) {
                throw new InvalidBundleException(ModelBundles.CHECKSUMS + " line " + (i + 1) + " is not '<sha256>  <entry>'");
            }
            listed.put(parts[1], parts[0]);
        }
        for (String name : entries.keySet()) {
            if (name.equals(ModelBundles.CHECKSUMS)) {
                continue;
            }
            String expected = listed.get(name);
            if (expected == null) {
                throw new InvalidBundleException("entry " + name + " has no checksum");
            }
            String actual = ModelBundles.sha256(entries.get(name));
            if (!actual.equalsIgnoreCase(expected)) {
                throw new InvalidBundleException("checksum mismatch for " + name + ": expected " + expected + ", got " + actual);
            }
        }
    }

    static ModelManifest parseManifest(byte[] bytes) {
        int version;
        try {
            version = ModelBundles.JSON.readTree(bytes).path("formatVersion").asInt(-1);
        } catch (java.io.IOException e) {
            throw new InvalidBundleException("manifest is not JSON: " + e.getMessage(), e);
        }
        if (version < ModelManifest.OLDEST_FORMAT_VERSION || version > ModelManifest.CURRENT_FORMAT_VERSION) {
            throw new InvalidBundleException("unsupported bundle format version " + version + " (this build reads "
                    + ModelManifest.OLDEST_FORMAT_VERSION + " to " + ModelManifest.CURRENT_FORMAT_VERSION + ")");
        }
        try {
            return ModelBundles.JSON.readValue(bytes, ModelManifest.class);
        } catch (JacksonException e) {
            throw new InvalidBundleException("invalid manifest: " + problem(e), e);
        } catch (java.io.IOException e) {
            throw new InvalidBundleException("unreadable manifest: " + e.getMessage(), e);
        }
    }

    /**
     * What is wrong with a manifest, without Jackson's wrapping: the innermost cause's message (the manifest's own
     * check, say), or Jackson's message without its source location.
     */
    static String problem(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
    }

    private static Vocabulary parseVocabulary(byte[] bytes, ModelManifest manifest) {
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.fromTsv(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException("invalid vocabulary: " + e.getMessage(), e);
        }
        if (vocabulary.size() != manifest.vocabularySize()) {
            throw new InvalidBundleException("vocabulary has " + vocabulary.size() + " words, the manifest says "
                    + manifest.vocabularySize());
        }
        if (!vocabulary.sha256().equals(manifest.vocabularySha256())) {
            throw new InvalidBundleException("vocabulary hash " + vocabulary.sha256() + " differs from the manifest's "
                    + manifest.vocabularySha256());
        }
        return vocabulary;
    }

    private static MultiLayerNetwork loadNetwork(byte[] bytes) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
        } catch (Exception e) {
            // DL4J throws anything from IOException to IllegalStateException on a corrupt model zip.
            throw new InvalidBundleException("network entry is not a loadable DL4J MultiLayerNetwork: " + e, e);
        }
    }

    private static void checkNetwork(MultiLayerNetwork network, ModelManifest manifest) {
        List<FeedForwardLayer> layers = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
            if (!(layer instanceof FeedForwardLayer ff)) {
                throw new InvalidBundleException("network layer " + i + " is not a feed-forward layer: " + layer.getClass().getSimpleName());
            }
            layers.add(ff);
        }
        if (layers.isEmpty()) {
            throw new InvalidBundleException("network has no layers");
        }
        long input = layers.get(0).getNIn();
        long output = layers.get(layers.size() - 1).getNOut();
        if (input != manifest.vocabularySize()) {
            throw new InvalidBundleException("network input width " + input + " differs from the vocabulary size "
                    + manifest.vocabularySize());
        }
        if (output != manifest.labels().size()) {
            throw new InvalidBundleException("network output width " + output + " differs from the number of labels "
                    + manifest.labels().size());
        }
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < layers.size() - 1; i++) {
            hidden.add((int) layers.get(i).getNOut());
        }
        if (!hidden.equals(manifest.network().hiddenSizes())) {
            throw new InvalidBundleException("network hidden sizes " + hidden + " differ from the manifest's "
                    + manifest.network().hiddenSizes());
        }
        INDArray params = network.params();
        if (params == null || params.length() == 0) {
            throw new InvalidBundleException("network has no parameters");
        }
        if (params.isNaN().any() || params.isInfinite().any()) {
            throw new InvalidBundleException("network has non-finite weights (NaN or infinity)");
        }
    }
}
