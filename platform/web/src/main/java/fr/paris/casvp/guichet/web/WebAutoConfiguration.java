package fr.paris.casvp.guichet.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** What every Guichet HTTP service gets by depending on this module. */
// Before Boot's MVC configuration, whose own problem-details handler backs off when this one exists.
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsHandler.class, ServiceSecurity.class})
public class WebAutoConfiguration {
}
