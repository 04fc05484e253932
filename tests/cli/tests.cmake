parley_cli_test(eval_agrees eval_agrees.sh TIMEOUT 600)
