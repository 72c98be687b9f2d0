"""gunicorn's access log without the answers (gunicorn.conf.py's logger_class): whatever the
format asks for, the query string, the request line's query, the referer (a page of this site,
answers included) and a short link's code are left out (advisor/logs.py)."""

from gunicorn.glogging import Logger

from advisor.logs import without_answers


class AccessLog(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = without_answers(atoms["U"] or "")
        atoms["r"] = without_answers(atoms["r"])
        atoms["q"] = atoms["f"] = atoms["{referer}i"] = "-"
        return atoms
