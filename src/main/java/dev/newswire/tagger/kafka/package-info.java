/** Topic specs read from {@code topics/}, admin helpers and the embedded single-node KRaft broker. */
package dev.newswire.tagger.kafka;
