/**
 * The Kafka Streams topology factory, message records, serdes and error handling; and the model topic's
 * operator side: reading it, publishing bundles and changing releases ({@link dev.newswire.tagger.stream.ModelPublisher}).
 */
package dev.newswire.tagger.stream;
