package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Refuses to write a JSON tree holding a non-finite number. JSON has no NaN or Infinity, and Jackson would write
 * one as the string {@code "Infinity"}, silently turning a number into text. Guards the JSON trees the tagger
 * writes ({@link JsonSerde#tagged()}: the shadow topic's values); tagged articles carry the input's own text and
 * never hold a number of ours that is not finite.
 */
final class FiniteNumbers {

    private FiniteNumbers() {
    }

    /** Throws {@link SerializationException} naming the first non-finite number of {@code node} (a JSON pointer). */
    static void require(JsonNode node) {
        if (!hasNonFinite(node)) {
            return;
        }
        String at = firstNonFinite(node, "");
        if (at != null) {
            throw new SerializationException("cannot serialize tagged article: the number at '" + at
                    + "' is not finite (" + node.at(at).asText() + "), which JSON cannot carry; was it beyond the range of a double?");
        }
    }

    /** Whether {@code node} holds a non-finite double or float (the only number nodes that can). */
    private static boolean hasNonFinite(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return !Double.isFinite(node.doubleValue());
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasNonFinite(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The JSON pointer of the first non-finite number under {@code node}, or null; only on the failure path. */
    private static String firstNonFinite(JsonNode node, String pointer) {
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue()) ? null : pointer;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String found = firstNonFinite(field.getValue(), pointer + "/" + escape(field.getKey()));
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNonFinite(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
