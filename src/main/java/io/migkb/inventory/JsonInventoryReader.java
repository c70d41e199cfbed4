package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.migkb.model.Inventory;

import java.io.InputStream;
import java.nio.file.Path;

/** Reads an inventory in JSON (docs/inventory.md); UTF-8, or UTF-16/32, which Jackson detects. */
public final class JsonInventoryReader implements InventoryReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    @Override
    public Inventory read(Path file) throws InventoryException {
        return StructuredInventoryParser.read(FACTORY, "JSON", file);
    }

    @Override
    public Inventory read(InputStream in, String sourceName) throws InventoryException {
        return StructuredInventoryParser.read(FACTORY, "JSON", in, sourceName);
    }
}
