from wsdialog import create_app

app = create_app()
