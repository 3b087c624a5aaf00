package org.opregister.architecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages form one tree that depends one way: each package may use only the packages listed before it.
 * Shared infrastructure comes first, features after what they build on, the pages that gather every feature
 * (dashboard, the worked example) last. A feature that needs something from a feature above it goes through a
 * CDI event or an interface it owns (see {@code incident.IncidentLinks.Source}).
 */
class PackageTreeTest {

    /** Bottom to top. */
    static final List<String> ORDER = List.of("core", "web", "audit", "security", "taxonomy", "reference", "comment",
            "attachment",
            "incident", "control", "risk", "rcsa", "kri", "controltest", "action", "imports", "losses", "ict", "dora",
            "corep",
            "sma",
            "dashboard",
            "seed");

    private static final String ROOT = "org.opregister.";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opregister");

    @Test
    void everyPackageHasAPlaceInTheTree() {
        ArchRuleDefinition.classes().should(beInAKnownPackage()).check(MAIN);
    }

    @Test
    void noPackageUsesOneAboveIt() {
        ArchRule rule = ArchRuleDefinition.classes().should(useOnlyPackagesBelow());
        rule.check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.opregister.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    static int rank(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return -1;
        }
        String rest = packageName.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return ORDER.indexOf(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static ArchCondition<JavaClass> beInAKnownPackage() {
        return new ArchCondition<>("be in a package of the tree " + ORDER) {

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (rank(item.getPackageName()) < 0) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is in no package of the tree"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useOnlyPackagesBelow() {
        return new ArchCondition<>("use only packages below their own") {

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                int own = rank(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    int theirs = rank(target.getPackageName());
                    if (theirs > own) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

}
