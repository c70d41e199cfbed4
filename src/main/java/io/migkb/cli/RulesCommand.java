package io.migkb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleChange;
import io.migkb.engine.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: id, severity, article section, file:line; with several --rules folders, then"
                + " each rule a later folder adds, replaces or disables.")
final class RulesCommand implements Callable<Integer> {
    enum Format { table, json }

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE})")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CompiledRules rules = rulesOption.compile();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            ArrayNode list = mapper.createArrayNode();
            for (RuleInfo r : rules.rules()) {
                ObjectNode node = list.addObject();
                node.put("id", r.id());
                node.put("severity", r.severity() == null ? null : r.severity().name());
                node.put("section", r.reference());
                node.put("file", r.file());
                node.put("line", r.line());
            }
            ObjectNode document = mapper.createObjectNode();
            document.set("rules", list);
            if (!rules.changes().isEmpty()) {
                ArrayNode changes = document.putArray("changes");
                for (RuleChange c : rules.changes()) {
                    changes.addObject().put("change", c.kind().verb()).put("id", c.id()).put("file", c.file())
                            .put("line", c.line());
                }
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } else {
            int idWidth = Math.max(2, rules.rules().stream().mapToInt(r -> String.valueOf(r.id()).length()).max().orElse(2));
            String row = "%-" + idWidth + "s  %-8s  %-62s  %s%n";
            out.printf(row, "ID", "SEVERITY", "SECTION", "FILE:LINE");
            for (RuleInfo r : rules.rules()) {
                out.printf(row, r.id() == null ? "(no id)" : r.id(), r.severity() == null ? "?" : r.severity(),
                        r.reference() == null ? "?" : r.reference(), r.file() + ":" + r.line());
            }
            out.println(rules.rules().size() + " rules from " + rules.origin());
            // what the folders after the first did to the catalogue, for the consultant to check at a glance
            rules.changes().forEach(c -> out.println(c.describe()));
        }
        out.flush();
        return ExitCode.CLEAN;
    }
}
