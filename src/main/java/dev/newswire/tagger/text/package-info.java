/** Text to numbers: the Keras-compatible tokenizer, the vocabulary and the one vectorizer shared by trainer and stream. Pure Java. */
package dev.newswire.tagger.text;
