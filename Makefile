.PHONY: run test screenshots translations
run:
	scripts/run
test:
	scripts/test
screenshots:
	scripts/screenshots
translations:
	FLASK_APP=wsgi.py .venv/bin/flask translate update
	FLASK_APP=wsgi.py .venv/bin/flask translate compile
