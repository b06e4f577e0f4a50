/** Corpus readers (Reuters-21578 SGML, labeled JSON lines) and the named splits built from them. */
package dev.newswire.tagger.data;
