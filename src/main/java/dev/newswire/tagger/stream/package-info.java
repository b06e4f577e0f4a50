/** The Kafka Streams topology factory, message records, serdes and error handling. */
package dev.newswire.tagger.stream;
