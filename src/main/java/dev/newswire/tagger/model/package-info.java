/** The model bundle (manifest, vocabulary, labels, network, checksums), its reader, writer and validation, and the classifier that scores a vector. No Kafka. */
package dev.newswire.tagger.model;
