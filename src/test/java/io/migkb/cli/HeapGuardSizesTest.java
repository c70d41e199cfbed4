package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sizes the heap messages show: the inventory's and the heap's, read by a consultant choosing -Xmx. */
class HeapGuardSizesTest {
    @Test
    void aFileOfAFewKilobytesIsShownInKilobytesNotAsOneMegabyte() {
        assertThat(HeapGuard.human(3_800)).isEqualTo("4 KB");
        assertThat(HeapGuard.human(1)).isEqualTo("1 KB");
    }

    @Test
    void megabytesAndGigabytesAsBefore() {
        assertThat(HeapGuard.human(5L << 20)).isEqualTo("5 MB");
        assertThat(HeapGuard.human(3L << 29)).isEqualTo("1.5 GB");
    }
}
