package org.eforum.localstack.store;

import java.util.LinkedHashMap;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Brings the store from its last checkpoint to the last acknowledged write, from the {@link Journal}. Each
 * document the journal names gets its last image (or is removed), in one pass, so the order of writes to
 * different documents does not matter and a write the checkpoint already holds is simply written again. Then
 * the indexes of every collection the journal names are rebuilt from the documents: the checkpoint may hold a
 * write half applied, its document without its index entries.
 */
final class Recovery {

    private Recovery() {
    }

    /** Returns how many journal records were read. */
    static int run(Journal journal, DurableH2Backend backend) {
        if (journal.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Map<Namespace, Map<Object, Document>> lastImages = new LinkedHashMap<>();
        int[] records = {0};
        journal.replay(entry -> {
            records[0]++;
            Map<Object, Document> images = lastImages.computeIfAbsent(
                    new Namespace(entry.database(), entry.collection()), namespace -> new LinkedHashMap<>());
            if (entry instanceof Journal.Image image) {
                images.put(image.document().get("_id"), image.document());
            } else if (entry instanceof Journal.Removal removal) {
                images.put(removal.id(), null); // a null image: the document goes
            }
        });
        lastImages.forEach((namespace, images) -> {
            IndexedH2Database database = (IndexedH2Database) backend.resolveDatabase(namespace.database());
            IndexedH2Collection collection = database.collectionForRecovery(namespace.collection());
            images.forEach(collection::recover);
            collection.rebuildIndexes();
        });
        System.out.printf("store recovered %d journal records (%d collections) in %d ms%n", records[0],
                lastImages.size(), (System.nanoTime() - started) / 1_000_000);
        return records[0];
    }

    private record Namespace(String database, String collection) {
    }
}
