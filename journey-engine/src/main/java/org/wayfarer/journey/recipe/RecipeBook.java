package org.wayfarer.journey.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped recipes, read once from the classpath: {@code recipes/index.json} lists the keys in catalogue order,
 * and each recipe is {@code recipes/<key>.json}. A recipe file that is not listed is not loaded. Immutable and
 * thread-safe.
 */
public final class RecipeBook {

    static final String DIRECTORY = "recipes/";
    static final String INDEX = DIRECTORY + "index.json";

    private final Map<String, Recipe> recipes;

    RecipeBook(List<Recipe> recipes) {
        Map<String, Recipe> byKey = new LinkedHashMap<>();
        for (Recipe recipe : recipes) {
            if (byKey.put(recipe.key(), recipe) != null) {
                throw new IllegalArgumentException("two recipes have the key " + recipe.key());
            }
        }
        this.recipes = byKey;
    }

    /**
     * The recipes the engine ships, from its own class loader.
     *
     * @throws IllegalStateException when the index or a listed recipe is missing or malformed (a build error)
     */
    public static RecipeBook shipped() {
        ClassLoader loader = RecipeBook.class.getClassLoader();
        JsonNode index = JsonMapper.shared().readTree(resource(loader, INDEX));
        if (!index.isArray()) {
            throw new IllegalStateException(INDEX + " must be an array of recipe keys");
        }
        List<Recipe> recipes = new ArrayList<>();
        for (JsonNode key : index.values()) {
            String file = DIRECTORY + key.stringValue() + ".json";
            Recipe recipe;
            try {
                recipe = RecipeReader.read(resource(loader, file), file);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (!recipe.key().equals(key.stringValue())) {
                throw new IllegalStateException(file + " has the key " + recipe.key() + "; its file name says "
                        + key.stringValue());
            }
            recipes.add(recipe);
        }
        return new RecipeBook(recipes);
    }

    /** Every recipe, in catalogue order. */
    public List<Recipe> list() {
        return List.copyOf(recipes.values());
    }

    public Optional<Recipe> find(String key) {
        return Optional.ofNullable(recipes.get(key));
    }

    /** @throws RecipeNotFoundException when no recipe has this key */
    public Recipe get(String key) {
        return find(key).orElseThrow(() -> new RecipeNotFoundException(key));
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the classpath has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
