package fr.paris.casvp.guichet.localissuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The sign-in page agents see, in French, accessible: labels, the error announced, the focus on it. */
@Controller
class SignInPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean signedOut = request.getParameter("logout") != null;
        return """
                <!doctype html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Connexion — Guichet</title>
                  <style>
                    body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f1; color: #1b1b1b; }
                    main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border: 1px solid #8a8a85; }
                    h1 { font-size: 1.5rem; margin-top: 0; }
                    label { display: block; margin-top: 1rem; font-weight: 600; }
                    input { width: 100%%; box-sizing: border-box; font-size: 1rem; padding: .5rem; border: 2px solid #4a4a46; }
                    input:focus, button:focus { outline: 3px solid #0b57a4; outline-offset: 2px; }
                    button { margin-top: 1.5rem; font-size: 1rem; padding: .6rem 1.2rem; background: #0b57a4; color: #fff;
                             border: 0; cursor: pointer; }
                    .erreur { border-left: 6px solid #b00020; background: #fdecee; padding: .75rem; }
                    .info { border-left: 6px solid #0b57a4; background: #e8f0fa; padding: .75rem; }
                  </style>
                </head>
                <body>
                <main>
                  <h1>Guichet — connexion des agents</h1>
                  %s
                  <form method="post" action="/login">
                    <label for="username">Identifiant</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">Mot de passe</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Se connecter</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(
                failed ? "<p class=\"erreur\" role=\"alert\" tabindex=\"-1\" id=\"erreur\">Identifiant ou mot de passe incorrect."
                        + " Vérifiez-les et recommencez.</p>"
                        : signedOut ? "<p class=\"info\" role=\"status\">Vous êtes déconnecté(e).</p>" : "",
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
