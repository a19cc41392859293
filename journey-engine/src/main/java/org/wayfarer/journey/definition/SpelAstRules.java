package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.InlineMap;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;

/**
 * Walks a parsed SpEL tree and lists what the journey language does not allow: anything but the variables of
 * {@link Facts} ({@code contact}, {@code event}, {@code waited}, {@code webhook}) at the top, type references,
 * constructors, bean references, assignment, {@code #variables}, functions, method calls on the root, and every method
 * not in {@link AllowedMethods} (those that could allocate or backtrack without bound, such as {@code repeat},
 * {@code matches} or {@code split}, among them). The read-only evaluation context refuses these too; checking the tree turns a run-time failure into a
 * validation error the author sees at once.
 *
 * <p>Scopes follow SpEL's evaluation: the head of a chain, method arguments and indexes are evaluated against the
 * scope root (the facts at top level, the element inside a {@code .?[...]} selection or {@code .![...]} projection).
 */
final class SpelAstRules {

    /** One thing the language does not allow; {@code code} is a {@link ValidationProblem} code. */
    record Violation(String code, String message) {
    }

    static final Set<String> VARIABLES = Facts.VARIABLES;

    /** Deeper trees are refused so evaluation never recurses far enough to exhaust a worker's stack. */
    static final int MAX_DEPTH = 64;

    private final List<Violation> violations = new ArrayList<>();
    private int depth;
    private boolean tooDeep;

    private SpelAstRules() {
    }

    static List<Violation> check(SpelNode ast) {
        SpelAstRules rules = new SpelAstRules();
        rules.head(ast, false);
        return List.copyOf(rules.violations);
    }

    /** A node evaluated against the scope root: the facts map, or the current element when {@code inElement}. */
    private void head(SpelNode node, boolean inElement) {
        if (enter()) {
            headNode(node, inElement);
            depth--;
        }
    }

    private void headNode(SpelNode node, boolean inElement) {
        if (node instanceof CompoundExpression) {
            int before = violations.size();
            head(node.getChild(0), inElement);
            // after a refused link the rest of the chain applies to a value that cannot exist: one mistake, one error
            for (int i = 1; i < node.getChildCount() && violations.size() == before; i++) {
                chained(node.getChild(i), inElement);
            }
        } else if (node instanceof PropertyOrFieldReference property) {
            if (!inElement && !VARIABLES.contains(property.getName())) {
                violations.add(new Violation("unknown-variable", "unknown variable '" + property.getName()
                        + "': expressions can use only contact, event, waited and webhook"));
            }
        } else if (node instanceof MethodReference method) {
            if (inElement) {
                method(method, true);
            } else {
                reject("method call '" + method.getName() + "(..)' on nothing: call methods on a value, "
                        + "e.g. event.scene.startsWith('store_')");
            }
        } else if (node instanceof Indexer || node instanceof Selection || node instanceof Projection) {
            if (inElement) {
                chained(node, true);
            } else {
                reject("'" + node.toStringAST() + "' needs a value to apply to, e.g. event.items[0]");
            }
        } else if (node instanceof VariableReference) {
            if (!inElement || !"#this".equals(node.toStringAST())) {
                reject("'" + node.toStringAST() + "' is not available: use contact, event, waited and webhook"
                        + " (#this only inside .?[...] and .![...])");
            }
        } else if (node instanceof InlineMap) {
            inlineMap(node, inElement);
        } else if (!forbidden(node)) {
            children(node, inElement);
        }
    }

    /** A node applied to the value before it in a chain ({@code a.b}, {@code a.m()}, {@code a[0]}). */
    private void chained(SpelNode node, boolean inElement) {
        if (enter()) {
            chainedNode(node, inElement);
            depth--;
        }
    }

    private void chainedNode(SpelNode node, boolean inElement) {
        if (node instanceof PropertyOrFieldReference) {
            return;
        }
        if (node instanceof MethodReference method) {
            method(method, inElement);
        } else if (node instanceof Indexer) {
            children(node, inElement);
        } else if (node instanceof Selection || node instanceof Projection) {
            children(node, true);
        } else if (!forbidden(node)) {
            reject("'" + node.toStringAST() + "' cannot follow '.'; use properties, methods and [index] in a chain");
        }
    }

    private void method(MethodReference method, boolean inElement) {
        if (!AllowedMethods.ANY.contains(method.getName())) {
            reject("method '" + method.getName() + "' is not allowed: expressions may call only cheap, read-only "
                    + "methods such as " + AllowedMethods.EXAMPLES);
        }
        children(method, inElement);
    }

    private void inlineMap(SpelNode map, boolean inElement) {
        for (int i = 0; i < map.getChildCount(); i++) {
            SpelNode child = map.getChild(i);
            // keys written as bare words ({name: 1}) parse as property references but are literal names
            boolean literalKey = i % 2 == 0 && child instanceof PropertyOrFieldReference;
            if (!literalKey) {
                head(child, inElement);
            }
        }
    }

    private boolean forbidden(SpelNode node) {
        if (node instanceof TypeReference) {
            reject("type references T(...) are not allowed");
        } else if (node instanceof ConstructorReference) {
            reject("constructors (new ...) are not allowed");
        } else if (node instanceof BeanReference) {
            reject("bean references (@name) are not allowed");
        } else if (node instanceof Assign || node instanceof OpInc || node instanceof OpDec) {
            reject("expressions are read-only: assignment (=, ++, --) is not allowed");
        } else if (node instanceof FunctionReference) {
            reject("functions (#name(...)) are not allowed");
        } else {
            return false;
        }
        return true;
    }

    private void children(SpelNode node, boolean inElement) {
        for (int i = 0; i < node.getChildCount(); i++) {
            head(node.getChild(i), inElement);
        }
    }

    /** Counts one level down; false (reported once) when the tree is deeper than {@link #MAX_DEPTH}. */
    private boolean enter() {
        if (depth >= MAX_DEPTH) {
            if (!tooDeep) {
                tooDeep = true;
                reject("nested more than " + MAX_DEPTH + " levels deep");
            }
            return false;
        }
        depth++;
        return true;
    }

    private void reject(String message) {
        violations.add(new Violation("bad-expression", message));
    }
}
