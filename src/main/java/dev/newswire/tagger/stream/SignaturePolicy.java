package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelRelease;

/** Decides whether a bundle or release record is trusted. */
public interface SignaturePolicy {

    /** Null when trusted, else the reason it is not. */
    String checkBundle(String bundleKey, byte[] bundle, String signature);

    /** Null when trusted, else the reason it is not. */
    String checkRelease(String name, ModelRelease release);

    /** Whether any trusted key is configured (without one, everything is accepted). */
    boolean enforcing();

    /** Trusts everything: no keys configured. */
    static SignaturePolicy acceptAll() {
        return new SignaturePolicy() {
            @Override
            public String checkBundle(String bundleKey, byte[] bundle, String signature) {
                return null;
            }

            @Override
            public String checkRelease(String name, ModelRelease release) {
                return null;
            }

            @Override
            public boolean enforcing() {
                return false;
            }
        };
    }
}
