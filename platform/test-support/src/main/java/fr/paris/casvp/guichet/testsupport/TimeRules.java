package fr.paris.casvp.guichet.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Time comes from the injected {@link Clock}: production code never reads the machine's clock itself, so that every
 * rule dated by an article or a parameter in force "today" can be run, and tested, as of any day. A module checks its
 * production classes (and the platform's it depends on) with {@link #check()} in a unit test.
 *
 * <p>Forbidden: {@code now()} and {@code now(ZoneId)} of the {@code java.time} types ({@code now(clock)} is the way),
 * {@code System.currentTimeMillis()}, {@code new Date()}, {@code Calendar.getInstance()}, and {@code Clock.system*()}
 * outside the one class of a deployable that provides its clock ({@code ClockAutoConfiguration} in the platform,
 * {@code ClockConfiguration} in an application that does not use it). Durations measured with {@code System.nanoTime()}
 * are not dates and stay allowed.
 */
public final class TimeRules {

    public static final String NAME = "TimeRules.TIME_COMES_FROM_A_CLOCK";

    private static final Set<String> DATED_TYPES = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
            "java.time.YearMonth", "java.time.Year", "java.time.MonthDay");
    private static final Set<String> CLOCK_PROVIDERS = Set.of("ClockAutoConfiguration", "ClockConfiguration");

    public static final ArchRule TIME_COMES_FROM_A_CLOCK = noClasses()
            .that().resideOutsideOfPackage("fr.paris.casvp.guichet.testsupport..")
            .should().callCodeUnitWhere(readsTheWallClock())
            .as(NAME + ": no production code reads the wall clock; take the time from the injected java.time.Clock, "
                    + "e.g. LocalDate.now(clock) or ParisTime.today(clock)")
            .because("the benefits' rules are dated and every test must be able to run as of any day (issue #12)");

    private TimeRules() {
    }

    /** Checks the production classes of {@code fr.paris.casvp.guichet} on the class path; throws naming the rule. */
    public static void check() {
        TIME_COMES_FROM_A_CLOCK.check(productionClasses());
    }

    public static JavaClasses productionClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.paris.casvp.guichet");
    }

    static DescribedPredicate<JavaCall<?>> readsTheWallClock() {
        return DescribedPredicate.describe("read the wall clock (now() without a clock, currentTimeMillis, new Date(), Clock.system*)",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                    if (DATED_TYPES.contains(owner) && name.equals("now")) {
                        return parameters.isEmpty() || parameters.get(0).isEquivalentTo(ZoneId.class);
                    }
                    if (owner.equals(Clock.class.getName()) && name.startsWith("system")) {
                        return !CLOCK_PROVIDERS.contains(call.getOriginOwner().getSimpleName());
                    }
                    return owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                            || owner.equals("java.util.Date") && call.getTarget().getName().equals("<init>") && parameters.isEmpty()
                            || owner.equals("java.util.Calendar") && name.equals("getInstance");
                });
    }
}
