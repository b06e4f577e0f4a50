/**
 * The {@code bench} command's measurements: real newswires through the running topology on a real broker, with
 * throughput, end-to-end latency percentiles and resource use measured from the consuming side.
 */
package dev.newswire.tagger.bench;
