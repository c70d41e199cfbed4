package io.migkb.inventory;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.migkb.model.Inventory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads an inventory in YAML, the same shape as the JSON one (docs/inventory.md); UTF-8. An empty value
 * ({@code organization:}) counts as null; aliases are not supported.
 */
public final class YamlInventoryReader implements InventoryReader {
    static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // SnakeYAML stops at 3 MB by default; inventories are larger
        return options;
    }

    @Override
    public Inventory read(Path file) throws InventoryException {
        return StructuredInventoryParser.read(FACTORY, "YAML", file);
    }

    @Override
    public Inventory read(InputStream in, String sourceName) throws InventoryException {
        return StructuredInventoryParser.read(FACTORY, "YAML", in, sourceName);
    }
}
