/**
 * The benchmarks behind {@code ./rongcloud bench}: the local store ({@link org.rongdesk.bench.StoreBench}) and
 * end-to-end messaging ({@link org.rongdesk.bench.MessagingBench}), many clients at once ({@link org.rongdesk.bench.LoadBench}). Results go to stdout as JSON lines
 * ({@link org.rongdesk.bench.Report}); progress goes to stderr ({@link org.rongdesk.bench.Log}).
 */
package org.rongdesk.bench;
