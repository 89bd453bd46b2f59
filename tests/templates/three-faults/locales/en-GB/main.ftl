headline = Think before you click.
helpline = Call Stop It Now on 0131 556 3535
