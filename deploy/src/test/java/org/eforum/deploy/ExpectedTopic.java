package org.eforum.deploy;

/** A topic as the apps declare it. */
record ExpectedTopic(String name, int partitions, boolean compacted) {
}
