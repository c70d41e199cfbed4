package io.migkb.api;

import io.migkb.engine.Assessment;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleInfo;
import io.migkb.model.Deferrals;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import io.migkb.plan.MigrationPlan;
import io.migkb.plan.PlanException;
import io.migkb.plan.PlanFile;
import io.migkb.plan.PlanFolder;
import io.migkb.plan.PlanFormat;
import io.migkb.plan.Planner;
import io.migkb.report.Report;
import io.migkb.report.ReportFiles;
import io.migkb.report.ReportWriter;
import io.migkb.report.ReportWriters;
import io.migkb.report.RuleDescription;
import io.migkb.waiver.WaiverFileException;
import io.migkb.waiver.WaiverOutcome;
import io.migkb.waiver.WaiverReader;
import io.migkb.waiver.WaiverSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The findings of one assessment, most serious first, with what a tool needs around them: the inventory they are
 * about (its organization, where each finding's subject was declared), the rules that made them (severity and
 * section of each), the waivers in force, and the reports and plan made from them.
 *
 * <p>Immutable: {@link #withWaivers} and {@link #withFailOn} return a new result. A result holds its inventory, so
 * for a very large inventory keep it only as long as you write from it.
 */
public final class AssessmentResult {
    private final Assessment assessment;
    private final Inventory inventory;
    private final String source;
    private final List<CatalogueRule> rules;
    private final WaiverOutcome waivers;
    private final Severity failOn;
    /** The assessment's findings, those that apply only once a held-back user moves marked deferred. */
    private final List<Finding> findings;

    AssessmentResult(Assessment assessment, Inventory inventory, String source, CompiledRules compiled) {
        this(assessment, inventory, source, describe(compiled), WaiverOutcome.NONE, null);
    }

    private AssessmentResult(Assessment assessment, Inventory inventory, String source, List<CatalogueRule> rules,
                             WaiverOutcome waivers, Severity failOn) {
        this.assessment = assessment;
        this.inventory = inventory;
        this.source = source;
        this.rules = rules;
        this.waivers = waivers;
        this.failOn = failOn;
        // as assess and plan mark them: the plan holds these users back, so the findings wait for their move
        this.findings = Deferrals.mark(inventory, assessment.findings(), waivers.inForce(assessment.findings()));
    }

    /**
     * Every finding, in report order: by severity (BLOCKER first), then rule, subject and message; waived ones too.
     * A finding that applies only once a user the plan holds back on OCS 2007 R2 moves is marked
     * ({@link Finding#getDeferred()}), as in every report and in the plan.
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * The number of findings of each severity, every severity present (0 when none), BLOCKER first; findings waived
     * ({@link #withWaivers}) are not counted.
     */
    public Map<Severity, Integer> summary() {
        return Collections.unmodifiableMap(report().summary());
    }

    /**
     * True when some finding not waived is at least as serious as {@code threshold}: what {@code --fail-on} tests.
     */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings().stream().anyMatch(f -> f.getSeverity().atLeast(threshold) && !waivers.isWaived(f));
    }

    /** How many times rules fired (useful against {@link Migkb#maxFirings(long)}). */
    public long firings() {
        return assessment.firings();
    }

    /** The rules folder the findings came from, or "bundled catalogue". */
    public String rulesOrigin() {
        return assessment.rulesOrigin();
    }

    /** The inventory assessed, as read (with the source locations of its elements) or as built in code. */
    public Inventory inventory() {
        return inventory;
    }

    /** The inventory's organization (its SIP domain, e.g. {@code contoso.com}), or null when it names none. */
    public String organization() {
        return inventory.getOrganization();
    }

    /** The inventory file, folder or stream name the findings are about, or "inventory built in code". */
    public String source() {
        return source;
    }

    /**
     * Where the element a finding is about ({@code meeting:m-001}, {@code user:…}, {@code pool:…},
     * {@code partner:…}) was declared in the inventory: file, line and column; empty for an inventory built in code.
     */
    public Optional<SourceLocation> locationOf(Finding finding) {
        return inventory.locationOf(finding.getSubject());
    }

    /** The rules that ran, fired or not, in file order. */
    public List<CatalogueRule> rules() {
        return rules;
    }

    /** The rule of an id findings carry ({@link Finding#getRule()}): its severity, section and file. */
    public Optional<CatalogueRule> rule(String id) {
        return rules.stream().filter(r -> r.id() != null && r.id().equals(id)).findFirst();
    }

    /**
     * This result with the waivers of a file applied today: waived findings stay in {@link #findings()}, marked in
     * every report, and no longer count in {@link #summary()} or {@link #hasFindingsAtLeast}. The format is that of
     * {@code --waivers} (docs/waivers.md).
     */
    public AssessmentResult withWaivers(Path waiversFile) throws InvalidWaiversException {
        return withWaivers(waiversFile, LocalDate.now());
    }

    /** As {@link #withWaivers(Path)}, on the day {@code today}: waivers that expired before it waive nothing. */
    public AssessmentResult withWaivers(Path waiversFile, LocalDate today) throws InvalidWaiversException {
        Objects.requireNonNull(waiversFile, "waiversFile");
        Objects.requireNonNull(today, "today");
        String file = waiversFile.toString();
        WaiverSet set;
        try {
            if (!Files.isRegularFile(waiversFile)) {
                throw new InvalidWaiversException(file, List.of(new Problem(file, 0, 0, null, "no such file")), null);
            }
            set = WaiverReader.read(waiversFile);
        } catch (IOException e) {
            throw new InvalidWaiversException(file, List.of(new Problem(file, 0, 0, null,
                    "cannot be read (" + e.getMessage() + ")")), e);
        } catch (WaiverFileException e) {
            throw new InvalidWaiversException(file, e.problems().stream().map(p -> p.location() == null
                    ? new Problem(file, 0, 0, p.field(), p.message())
                    : new Problem(p.location().file(), p.location().line(), p.location().column(),
                            p.field().isEmpty() ? null : p.field(), p.message())).toList(), e);
        }
        return new AssessmentResult(assessment, inventory, source, rules, set.apply(findings(), today), failOn);
    }

    /** True when a waiver ({@link #withWaivers}) waives {@code finding}. */
    public boolean isWaived(Finding finding) {
        return waivers.isWaived(finding);
    }

    /** One line per waiver that expired or matches no finding, as the command line warns; empty without waivers. */
    public List<String> waiverNotices() {
        return waivers.notices();
    }

    /**
     * This result with a threshold for the {@code junit} report, which marks findings at or above it (and not
     * waived) as failures; null for none, the default.
     */
    public AssessmentResult withFailOn(Severity threshold) {
        return new AssessmentResult(assessment, inventory, source, rules, waivers, threshold);
    }

    /** The report formats {@link #write} knows: table, json, csv, markdown, html, junit, sarif. */
    public static List<String> reportFormats() {
        return ReportWriters.formats();
    }

    /**
     * Writes the report in {@code format} to {@code out}, which is flushed and left open.
     *
     * @throws IllegalArgumentException for a format not in {@link #reportFormats()}
     */
    public void write(String format, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        writer(format).write(report(), out);
        out.flush();
    }

    /**
     * Writes the report to a file, whole or not at all (into a temporary file beside it, then moved into place):
     * a failure leaves the previous file as it was. {@code format} null: from the file's extension
     * ({@code .json}, {@code .html}, {@code .sarif}, …), else {@code table}.
     *
     * @throws IllegalArgumentException for a format not in {@link #reportFormats()}
     */
    public void write(String format, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        ReportWriter writer = writer(format == null ? ReportWriters.formatFor(file) : format);
        ReportFiles.writeAtomically(file, writer, report());
    }

    /**
     * Writes the migration plan into {@code folder} (created when missing), as {@code migkb plan} does: the reports
     * of {@code formats} ({@code csv}, {@code markdown}, {@code html}; none given: all three) and one PowerShell
     * script per wave ({@code wave-1.ps1}, …), planned from the findings not waived. Every file is written before any
     * is moved into place, so a failure leaves the previous plan as it was; an earlier plan's wave scripts that this
     * plan no longer has are deleted. docs/plan.md describes the files.
     *
     * @return the files written, in order
     * @throws InvalidInventoryException when no plan can be made (the inventory names no Lync Server 2013 pool)
     * @throws IllegalArgumentException  for an unknown format
     */
    public List<Path> writePlan(Path folder, String... formats) throws IOException, InvalidInventoryException {
        Objects.requireNonNull(folder, "folder");
        Set<PlanFormat> chosen = EnumSet.noneOf(PlanFormat.class);
        for (String name : formats) {
            chosen.add(PlanFormat.named(name).orElseThrow(() -> new IllegalArgumentException("unknown plan format \""
                    + name + "\"; use csv, markdown or html")));
        }
        MigrationPlan plan;
        try {
            plan = Planner.plan(inventory, waivers.inForce(findings()), source);
        } catch (PlanException e) {
            throw new InvalidInventoryException(e.getMessage(),
                    List.of(new Problem(source, 0, 0, null, e.getMessage())), 1, e);
        }
        List<PlanFile> files = PlanFormat.files(plan, chosen.isEmpty() ? EnumSet.allOf(PlanFormat.class) : chosen);
        PlanFolder.write(folder, files, n -> { });
        List<Path> written = new ArrayList<>();
        files.forEach(f -> written.add(folder.resolve(f.name())));
        return written;
    }

    private Report report() {
        List<RuleDescription> descriptions = rules.stream().filter(r -> r.id() != null)
                .map(r -> new RuleDescription(r.id(), r.severity(), r.section())).toList();
        return new Report(inventory.getOrganization(), source, rulesOrigin(), findings(), failOn, descriptions,
                inventory::locationOf, waivers, inventory.getCoverage());
    }

    private static ReportWriter writer(String format) {
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return ReportWriters.forFormat(name).orElseThrow(() -> new IllegalArgumentException("unknown report format \""
                + format + "\"; use one of " + String.join(", ", reportFormats())));
    }

    static List<CatalogueRule> describe(CompiledRules compiled) {
        List<CatalogueRule> described = new ArrayList<>();
        for (RuleInfo r : compiled.rules()) {
            described.add(new CatalogueRule(r.id(), r.name(), r.severity(), r.reference(), r.file(), r.line()));
        }
        return List.copyOf(described);
    }

    @Override
    public String toString() {
        return findings().size() + " findings " + summary();
    }
}
