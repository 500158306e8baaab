"""ONNX models that load and run but must not be registered: each one's outputs are not what a check could use.
  bad-logits      binary, one float tensor X [N, 3]; "probabilities" [N, 2] are raw scores (a MatMul, no softmax)
  bad-nan         the same with log() of those scores: NaN for some rows
  bad-constbatch  "probabilities" is a constant [1, 2] whatever N is (the first dimension is not the batch)
Run: /usr/bin/python3 make_bad_models.py OUT_DIR (python3-onnx)
"""
import os, sys
import numpy as np
from onnx import helper, TensorProto, numpy_helper, save, checker

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
W = numpy_helper.from_array(np.array([[1.0, -1.0], [0.5, -0.5], [0.2, 0.1]], dtype=np.float32), "W")
X = helper.make_tensor_value_info("X", TensorProto.FLOAT, ["N", 3])


def model(name, nodes, output_shape, inits):
    graph = helper.make_graph(nodes, name, [X], [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, output_shape)], initializer=inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    checker.check_model(m)
    save(m, os.path.join(out, name + ".onnx"))


model("bad-logits", [helper.make_node("MatMul", ["X", "W"], ["probabilities"])], ["N", 2], [W])
model("bad-nan", [helper.make_node("MatMul", ["X", "W"], ["s"]), helper.make_node("Log", ["s"], ["probabilities"])], ["N", 2], [W])
C = numpy_helper.from_array(np.array([[0.3, 0.7]], dtype=np.float32), "C")
model("bad-constbatch", [helper.make_node("Identity", ["C"], ["probabilities"])], ["M", 2], [C])
