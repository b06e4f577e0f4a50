package dev.newswire.tagger.data;

import java.io.IOException;

/**
 * Input that is not in the expected format (a malformed SGML story, a bad JSON line). The message names
 * the source and the 1-based line: {@code "train.jsonl:12: missing \"label\""}.
 */
public final class DatasetFormatException extends IOException {

    private final String source;
    private final int line;

    /**
     * @param source file or entry name
     * @param line   1-based line number
     * @param reason what is wrong
     */
    public DatasetFormatException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /** The file or archive entry name. */
    public String source() {
        return source;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
