package org.eforum.deploy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** The objects of one rendered overlay, found by kind and name. */
record Manifests(List<JsonNode> objects) {

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asString("")));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(object -> name.equals(name(object))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asString("");
    }

    /** "Kind/name", as kubectl names an object in its messages. */
    static String id(JsonNode object) {
        return object.path("kind").asString("?") + "/" + name(object);
    }
}
