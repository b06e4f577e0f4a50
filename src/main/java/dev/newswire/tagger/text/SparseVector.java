package dev.newswire.tagger.text;

import java.util.Arrays;

/**
 * A feature vector with few non-zero entries: strictly increasing {@code indices} below {@code dimension} and
 * their {@code values}. Immutable: the arrays are copied in and out.
 */
public record SparseVector(int dimension, int[] indices, float[] values) {

    public SparseVector {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0: " + dimension);
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
        indices = indices.clone();
        values = values.clone();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dimension || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("indices must increase strictly within [0, " + dimension + "): "
                        + Arrays.toString(indices));
            }
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("non-finite value at index " + indices[i]);
            }
        }
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** Number of non-zero entries. */
    public int nonZeros() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** Index of the k-th non-zero entry, without copying. */
    public int indexAt(int k) {
        return indices[k];
    }

    /** Value of the k-th non-zero entry, without copying. */
    public float valueAt(int k) {
        return values[k];
    }

    /** The dense form, {@code dimension} long. */
    public float[] toDense() {
        float[] dense = new float[dimension];
        writeInto(dense, 0);
        return dense;
    }

    /** Writes the non-zero values into {@code target} starting at {@code offset} (a row of a batch matrix). */
    public void writeInto(float[] target, int offset) {
        for (int k = 0; k < indices.length; k++) {
            target[offset + indices[k]] = values[k];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector other && dimension == other.dimension
                && Arrays.equals(indices, other.indices) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector[dimension=" + dimension + ", nonZeros=" + indices.length + "]";
    }
}
