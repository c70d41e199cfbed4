package io.migkb.scenario;

import io.migkb.model.Inventory;
import java.util.List;

/**
 * One scenario file, read and its inventory loaded: given this inventory, these findings must appear
 * ({@code expect}) and these must not ({@code forbid}).
 *
 * @param file      the file, relative to the rules folder ({@code tests/federated.yaml})
 * @param name      what the scenario shows
 * @param inventory where the inventory came from: a path, or "inline"
 */
public record Scenario(String file, String name, String inventorySource, Inventory inventory,
                       List<Expectation> expect, List<Expectation> forbid) {
    public Scenario {
        expect = List.copyOf(expect);
        forbid = List.copyOf(forbid);
    }
}
