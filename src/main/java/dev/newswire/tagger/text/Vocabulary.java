package dev.newswire.tagger.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms (words, and word bigrams for a {@link FeatureSpec} that has them) a model knows, each with its feature index, its count in the training documents and the number of
 * training documents that contain it. Immutable and thread-safe.
 *
 * <p>Built from the <em>training</em> documents only: the {@code maxWords} most frequent words by total count,
 * ties broken by the word's natural (UTF-16) order so that the result does not depend on document order.
 */
public final class Vocabulary {

    private static final String HEADER_PREFIX = "#documents\t";

    private final List<String> words;
    private final long[] counts;
    private final int[] documentFrequencies;
    private final int documentCount;
    /** All words' characters, one after the other: a token given as a range of a buffer is compared here. */
    private final char[] wordChars;
    /**
     * Open addressing with linear probing, four ints per slot: the word's {@link String#hashCode()}, its index + 1
     * (0: an empty slot), where its characters start in {@link #wordChars} and how many there are. All in one
     * 16-byte slot, so that a lookup reads the table once and the characters once.
     */
    private final int[] slots;
    private final int slotShift;

    private static final int SLOT_INTS = 4;

    private Vocabulary(List<String> words, long[] counts, int[] documentFrequencies, int documentCount) {
        if (words.size() != counts.length || words.size() != documentFrequencies.length) {
            throw new IllegalArgumentException("words, counts and document frequencies differ in length");
        }
        if (documentCount < 0) {
            throw new IllegalArgumentException("documentCount must be >= 0: " + documentCount);
        }
        this.words = List.copyOf(words);
        this.counts = counts.clone();
        this.documentFrequencies = documentFrequencies.clone();
        this.documentCount = documentCount;
        int size = Math.max(2, words.size());
        int capacity = Integer.highestOneBit(size + size / 2 - 1) * 2; // a third to two thirds full
        this.slots = new int[SLOT_INTS * capacity];
        this.slotShift = 32 - Integer.numberOfTrailingZeros(capacity);
        this.wordChars = new char[words.stream().mapToInt(String::length).sum()];
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!isTerm(word)) {
                throw new IllegalArgumentException("not a token or bigram: '" + word + "' at index " + i);
            }
            if (indexOf(word) >= 0) {
                throw new IllegalArgumentException("duplicate word '" + word + "' at index " + i);
            }
            word.getChars(0, word.length(), wordChars, start);
            insert(word.hashCode(), i, start, word.length());
            start += word.length();
        }
    }

    /** A token, or two tokens joined by {@link FeatureSpec#BIGRAM_SEPARATOR} (a bigram). */
    private static boolean isTerm(String word) {
        int separator = word.indexOf(FeatureSpec.BIGRAM_SEPARATOR);
        if (separator < 0) {
            return isToken(word);
        }
        return isToken(word.substring(0, separator)) && isToken(word.substring(separator + 1));
    }

    private static boolean isToken(String word) {
        return !word.isEmpty() && word.chars().noneMatch(c -> Tokenizer.isSeparator((char) c));
    }

    private void insert(int hash, int wordIndex, int start, int length) {
        int slot = home(hash);
        while (slots[slot + 1] != 0) {
            slot = next(slot);
        }
        slots[slot] = hash;
        slots[slot + 1] = wordIndex + 1;
        slots[slot + 2] = start;
        slots[slot + 3] = length;
    }

    /** Where the probe for a hash starts (Fibonacci hashing: the high bits of the product spread well). */
    private int home(int hash) {
        return ((hash * 0x9E3779B9) >>> slotShift) * SLOT_INTS;
    }

    private int next(int slot) {
        return (slot + SLOT_INTS) & (slots.length - 1);
    }

    /**
     * Counts the words of {@code documents} (each a token list) and keeps the {@code maxWords} most frequent.
     *
     * @param maxWords at least 1
     */
    public static Vocabulary build(Collection<? extends List<String>> documents, int maxWords) {
        if (maxWords < 1) {
            throw new IllegalArgumentException("maxWords must be >= 1: " + maxWords);
        }
        Map<String, long[]> stats = new HashMap<>();
        for (List<String> tokens : documents) {
            Set<String> seen = new HashSet<>();
            for (String token : tokens) {
                long[] s = stats.computeIfAbsent(token, t -> new long[2]);
                s[0]++;
                if (seen.add(token)) {
                    s[1]++;
                }
            }
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(stats.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        int size = Math.min(maxWords, ranked.size());
        List<String> words = new ArrayList<>(size);
        long[] counts = new long[size];
        int[] dfs = new int[size];
        for (int i = 0; i < size; i++) {
            Map.Entry<String, long[]> e = ranked.get(i);
            words.add(e.getKey());
            counts[i] = e.getValue()[0];
            dfs[i] = (int) e.getValue()[1];
        }
        return new Vocabulary(words, counts, dfs, documents.size());
    }

    /** The feature index of {@code word}, or -1 if it is not in the vocabulary. */
    public int indexOf(String word) {
        int hash = word.hashCode();
        for (int slot = home(hash); slots[slot + 1] != 0; slot = next(slot)) {
            if (slots[slot] == hash && words.get(slots[slot + 1] - 1).equals(word)) {
                return slots[slot + 1] - 1;
            }
        }
        return -1;
    }

    /**
     * The feature index of the word {@code chars[start, start + length)}, or -1 if it is not in the vocabulary:
     * {@code indexOf(new String(chars, start, length))} without making the string.
     */
    public int indexOf(char[] chars, int start, int length) {
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + chars[i];
        }
        return indexOf(chars, start, length, hash);
    }

    /** {@link #indexOf(char[], int, int)} given the word's {@link String#hashCode()} (the tokenizer computes it). */
    int indexOf(char[] chars, int start, int length, int hash) {
        for (int slot = home(hash); slots[slot + 1] != 0; slot = next(slot)) {
            if (slots[slot] == hash && slots[slot + 3] == length && sameChars(slots[slot + 2], chars, start, length)) {
                return slots[slot + 1] - 1;
            }
        }
        return -1;
    }

    private boolean sameChars(int from, char[] chars, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (wordChars[from + i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return words.size();
    }

    public String word(int index) {
        return words.get(index);
    }

    public List<String> words() {
        return words;
    }

    /** How many training documents contain the word at {@code index}. */
    public int documentFrequency(int index) {
        return documentFrequencies[index];
    }

    /** How many training documents the vocabulary was counted on. */
    public int documentCount() {
        return documentCount;
    }

    /** The canonical text form: a header line, then {@code word TAB count TAB documentFrequency} per line. */
    public String toTsv() {
        StringBuilder sb = new StringBuilder(words.size() * 16);
        sb.append(HEADER_PREFIX).append(documentCount).append('\n');
        for (int i = 0; i < words.size(); i++) {
            sb.append(words.get(i)).append('\t').append(counts[i]).append('\t').append(documentFrequencies[i]).append('\n');
        }
        return sb.toString();
    }

    /** Parses {@link #toTsv()}; the message names the bad line. */
    public static Vocabulary fromTsv(String tsv) {
        String[] lines = tsv.split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith(HEADER_PREFIX)) {
            throw new IllegalArgumentException("vocabulary: first line must be '" + HEADER_PREFIX.trim() + " N'");
        }
        int documentCount = parseInt(lines[0].substring(HEADER_PREFIX.length()), 1);
        List<String> words = new ArrayList<>();
        List<long[]> stats = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break;
            }
            String[] fields = lines[i].split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": expected 3 tab-separated fields");
            }
            words.add(fields[0]);
            stats.add(new long[] {parseLong(fields[1], i + 1), parseInt(fields[2], i + 1)});
        }
        long[] counts = new long[words.size()];
        int[] dfs = new int[words.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = stats.get(i)[0];
            dfs[i] = (int) stats.get(i)[1];
        }
        return new Vocabulary(words, counts, dfs, documentCount);
    }

    /** SHA-256 (hex) of {@link #toTsv()} in UTF-8: identifies the vocabulary in a manifest. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(toTsv().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static int parseInt(String s, int line) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vocabulary line " + line + ": not a number: '" + s + "'", e);
        }
    }

    private static long parseLong(String s, int line) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vocabulary line " + line + ": not a number: '" + s + "'", e);
        }
    }
}
