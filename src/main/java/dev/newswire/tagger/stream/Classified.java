package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What classifying one article produced: the tagged article, and (with a shadow model) the comparison of the
 * active and shadow predictions.
 *
 * @param shadow null without a shadow model
 */
record Classified(TaggedArticle tagged, ObjectNode shadow) {
}
