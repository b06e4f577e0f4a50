/** Training loop, evaluation, reports and plots. */
package dev.newswire.tagger.train;
