/** newswire-tagger: real-time topic tagging of newswire articles with Kafka Streams and an embedded MLP. */
package dev.newswire.tagger;
