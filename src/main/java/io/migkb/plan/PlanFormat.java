package io.migkb.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The formats a plan is written in. Whatever the formats, every wave with moves also gets its PowerShell script
 * ({@link #files}).
 */
public enum PlanFormat {
    /**
     * plan-waves.csv (one row per user), plan-meetings.csv (one per meeting), plan-tasks.csv (one per task),
     * plan-not-assessed.csv (one per user not assessed).
     */
    CSV("csv"),
    /** plan.md */
    MARKDOWN("markdown"),
    /** plan.html: one self-contained page, inline CSS, nothing fetched from the network. */
    HTML("html");

    private final String formatName;

    PlanFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name {@code --format} takes. */
    public String formatName() {
        return formatName;
    }

    public static Optional<PlanFormat> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PlanFormat f : values()) {
            if (f.formatName.equals(wanted) || (f == MARKDOWN && wanted.equals("md"))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public List<PlanFile> render(MigrationPlan plan) {
        return switch (this) {
            case CSV -> CsvPlan.render(plan);
            case MARKDOWN -> List.of(PlanFile.utf8("plan.md", MarkdownPlan.render(plan)));
            case HTML -> List.of(PlanFile.utf8("plan.html", HtmlPlan.render(plan)));
        };
    }

    /** Every file of the plan: the reports in {@code formats} (in this enum's order), then one script per wave. */
    public static List<PlanFile> files(MigrationPlan plan, Collection<PlanFormat> formats) {
        Set<PlanFormat> chosen = formats.isEmpty() ? EnumSet.noneOf(PlanFormat.class) : EnumSet.copyOf(formats);
        List<PlanFile> files = new ArrayList<>();
        for (PlanFormat f : chosen) {
            files.addAll(f.render(plan));
        }
        for (Wave w : plan.scriptedWaves()) {
            files.add(PlanFile.utf8WithBom(w.scriptName(), PowerShellScript.render(plan, w)));
        }
        return files;
    }
}
