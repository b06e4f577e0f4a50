/** picocli commands: wiring only, no logic. */
package dev.newswire.tagger.cli;
