package org.eforum.bench;

public final class Rush {
    public static void main(String[] args) {
    }
}
