package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void shouldGroupThreadsByTheNamesKafkaGivesThem() {
        String app = "newswire-bench-tph0du-ae09-c804a5da-04cd-4a0a-9424-84d1af647c30";
        assertThat(ThreadCpu.groupOf(app + "-StreamThread-1")).isEqualTo(ThreadCpu.STREAM_THREADS);
        assertThat(ThreadCpu.groupOf(app + "-StreamThread-2")).isEqualTo(ThreadCpu.STREAM_THREADS);
        assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | " + app + "-StreamThread-1-producer"))
                .isEqualTo(ThreadCpu.STREAMS_PRODUCER);
        assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | producer-3")).isEqualTo(ThreadCpu.BENCH_CLIENTS);
        assertThat(ThreadCpu.groupOf("bench-receiver")).isEqualTo(ThreadCpu.BENCH_CLIENTS);
        assertThat(ThreadCpu.groupOf("data-plane-kafka-request-handler-0")).isEqualTo(ThreadCpu.BROKER_AND_OTHER);
        assertThat(ThreadCpu.groupOf(app + "-GlobalStreamThread")).isEqualTo(ThreadCpu.BROKER_AND_OTHER);
    }

    @Test
    void shouldCountTheCpuTimeOfAThreadInItsGroup() throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processStart = os.getProcessCpuTime();
        ThreadCpu start = ThreadCpu.snapshot();
        Thread busy = new Thread(ThreadCpuTest::spin, "bench-receiver"); // named as the bench's receiver
        busy.start();
        busy.join();
        ThreadCpu end = ThreadCpu.snapshot();
        double process = (os.getProcessCpuTime() - processStart) / 1e9;

        Map<String, Double> seconds = end.since(start, process);

        assertThat(seconds.keySet()).containsExactlyElementsOf(ThreadCpu.GROUPS);
        // The busy thread ended before the second snapshot, so its time is the VM's, not a Java thread's.
        assertThat(seconds.get(ThreadCpu.NOT_JAVA)).isGreaterThanOrEqualTo(0.15);
        assertThat(seconds.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(process, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void shouldCountALiveThreadUnderItsName() throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread busy = new Thread(() -> {
            spin();
            done.countDown();
            awaitQuietly(release);
        }, "kafka-producer-network-thread | app-StreamThread-1-producer");
        long processStart = os.getProcessCpuTime();
        ThreadCpu start = ThreadCpu.snapshot();
        busy.start();
        done.await();
        ThreadCpu end = ThreadCpu.snapshot();
        double process = (os.getProcessCpuTime() - processStart) / 1e9;
        release.countDown();
        busy.join();

        assertThat(end.since(start, process).get(ThreadCpu.STREAMS_PRODUCER)).isGreaterThanOrEqualTo(0.15);
    }

    /** Burns at least 0.2 s of this thread's CPU. */
    private static void spin() {
        var threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
