package dev.newswire.tagger.model;

import java.util.List;

/**
 * Layer sizes of a multilayer perceptron: {@code inputSize → hiddenSizes… → outputSize}.
 *
 * @param hiddenActivation activation of every hidden layer, e.g. {@code relu}
 * @param outputActivation activation of the output layer, e.g. {@code softmax}
 */
public record NetworkShape(int inputSize, List<Integer> hiddenSizes, int outputSize,
                           String hiddenActivation, String outputActivation) {
    public NetworkShape {
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("input and output sizes must be >= 1: " + inputSize + ", " + outputSize);
        }
        hiddenSizes = List.copyOf(hiddenSizes);
        if (hiddenSizes.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden sizes must be >= 1: " + hiddenSizes);
        }
        if (hiddenActivation == null || outputActivation == null) {
            throw new IllegalArgumentException("activations are required");
        }
    }
}
